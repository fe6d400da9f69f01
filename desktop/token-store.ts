// The staff token, kept between runs with Electron's safeStorage (the OS keychain's key).
// Where the OS offers no encryption, the token stays in memory only: never plain on disk.
import type { FilesLike, SafeStorageLike } from './electron-api';

export class TokenStore {
  private memory: string | null = null;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly files: FilesLike,
    private readonly path: string,
  ) {}

  /** True when the token survives a restart. */
  persistent(): boolean {
    return this.safeStorage.isEncryptionAvailable();
  }

  save(token: string | null): void {
    this.memory = token;
    if (!token) {
      this.files.remove(this.path);
      return;
    }
    if (!this.persistent()) return;
    this.files.write(this.path, this.safeStorage.encryptString(token));
  }

  load(): string | null {
    if (this.memory) return this.memory;
    if (!this.persistent()) return null;
    const data = this.files.read(this.path);
    if (!data) return null;
    try {
      this.memory = this.safeStorage.decryptString(data);
      return this.memory;
    } catch {
      // Encrypted by another user or machine: log in again.
      this.files.remove(this.path);
      return null;
    }
  }
}
