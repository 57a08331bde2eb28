/**
 * Where the bytes of digitised copies are kept, by key (`<DocCode>_<YYYYMMDD>_<desc>.pdf`, or with folders
 * `a/b/name.pdf`). `put` is atomic: a reader (or a process killed half-way) never sees half a copy.
 */
export interface BlobStore {
  /** `directory`, `s3`, … */
  readonly name: string;
  /** Store `bytes` under `key`, replacing what was there, atomically and durably. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`, `undefined` when absent. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Delete `key`; deleting what is absent is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Where the key is, for people: an absolute path or a URL. */
  locate(key: string): string;
}
