// The dashboard's entry point (bundled by esbuild into dist/dashboard/app.js).
import { render } from 'preact';
import { App } from './app';
import './styles.css';
import './responsive.css';

render(<App />, document.getElementById('app') as HTMLElement);
