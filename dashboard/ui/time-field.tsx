// A time typed as people write it in 24 hours ("20:30", "20h30", "2030", "20h"), whatever the
// browser's own language: the native time input shows "08:30 PM" in an English browser, even
// to a French host. The value given back is always "HH:mm"; what does not read as a time is
// left on screen to be corrected and not passed on.
import { useEffect, useState } from 'preact/hooks';

/** "HH:mm" for what reads as a time of day, else null. */
export function readTime(text: string): string | null {
  const m =
    /^\s*([01]?\d|2[0-3])\s*(?:[:hH.]\s*([0-5]\d)?)?\s*$/.exec(text) ?? /^\s*([01]\d|2[0-3])([0-5]\d)\s*$/.exec(text);
  if (!m) return null;
  return `${m[1].padStart(2, '0')}:${m[2] ?? '00'}`;
}

export function TimeField({
  value,
  onChange,
  name,
  required,
  testId,
}: {
  value: string;
  onChange: (time: string) => void;
  name?: string;
  required?: boolean;
  testId?: string;
}) {
  const [text, setText] = useState(value);
  // A value set from outside (a slot picked, a draft reloaded) replaces what is shown.
  useEffect(() => setText((shown) => (readTime(shown) === value ? shown : value)), [value]);
  return (
    <input
      type="text"
      class="time-field"
      name={name}
      data-testid={testId}
      inputMode="numeric"
      autoComplete="off"
      placeholder="20:30"
      maxLength={5}
      required={required}
      pattern="\s*([01]?\d|2[0-3])\s*([:hH.]\s*([0-5]\d)?)?\s*|([01]\d|2[0-3])[0-5]\d"
      value={text}
      onInput={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        const time = readTime(typed);
        if (time) onChange(time);
      }}
      onBlur={() => {
        const time = readTime(text);
        if (time) setText(time);
      }}
    />
  );
}
