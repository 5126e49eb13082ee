/** Something read from storage with the ETag a later write must carry. */
export interface Versioned {
  readonly etag: string;
}
