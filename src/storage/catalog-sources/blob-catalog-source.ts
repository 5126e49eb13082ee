/**
 * A CoE export in a blob container (the only code importing @azure/storage-blob). The storage
 * account is the bot's own: the connection string's account and key (Azurite locally), or the
 * managed identity with a Blob data role.
 */
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { DefaultAzureCredential } from '@azure/identity';
import { CatalogSourceError, type CatalogSource, type CatalogSourceFile } from '../../domain/ports/catalog-source';
import { parseConnectionString } from '../../config/validators';
import type { StorageConfig } from '../../config/app-config';

/** Larger than any catalog (20,000 solutions are about 5 MB of CSV): refuse before reading more. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

export interface BlobSourceOptions {
  readonly storage: StorageConfig;
  readonly container: string;
  readonly path: string;
  /** The blob endpoint; default derived from the storage settings. */
  readonly blobUrl?: string;
  readonly timeoutMs?: number;
}

export class BlobCatalogSource implements CatalogSource {
  readonly description: string;

  constructor(private readonly options: BlobSourceOptions) {
    this.description = `blob ${options.container}/${options.path}`;
  }

  async read(): Promise<CatalogSourceFile> {
    const blob = clientOf(this.options).getContainerClient(this.options.container).getBlobClient(this.options.path);
    try {
      const properties = await blob.getProperties({ abortSignal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
      if ((properties.contentLength ?? 0) > MAX_EXPORT_BYTES) {
        throw new CatalogSourceError(`${this.description} is ${properties.contentLength} bytes; the limit is ${MAX_EXPORT_BYTES}`);
      }
      const bytes = await blob.downloadToBuffer(0, undefined, { abortSignal: AbortSignal.timeout(this.options.timeoutMs ?? 120_000) });
      return { name: this.options.path, format: /\.json$/i.test(this.options.path) ? 'json' : 'csv', text: bytes.toString('utf8') };
    } catch (error) {
      if (error instanceof CatalogSourceError) throw error;
      const status = (error as { statusCode?: number }).statusCode;
      const why =
        status === 404
          ? 'not found'
          : status === 403
            ? 'access refused (the identity needs Storage Blob Data Reader)'
            : (error as Error).message;
      throw new CatalogSourceError(`could not read ${this.description}: ${why}`, error);
    }
  }
}

function clientOf(options: BlobSourceOptions): BlobServiceClient {
  const storage = options.storage;
  if (storage.kind === 'connection-string') {
    const parts = parseConnectionString(storage.connectionString);
    const account = parts.get('accountname');
    const key = parts.get('accountkey');
    const url =
      options.blobUrl ??
      parts.get('blobendpoint') ??
      (account ? `https://${account}.blob.${parts.get('endpointsuffix') ?? 'core.windows.net'}` : undefined);
    if (url && account && key) return new BlobServiceClient(url, new StorageSharedKeyCredential(account, key));
    return BlobServiceClient.fromConnectionString(storage.connectionString);
  }
  const url = options.blobUrl ?? storage.accountUrl.replace('.table.', '.blob.');
  const clientId = storage.managedIdentityClientId;
  return new BlobServiceClient(url, new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {}));
}
