/**
 * The search index of the current catalog, kept in process memory.
 *
 * This is a cache, not state: it is rebuilt from a full read of the catalog table whenever the
 * catalog's version entity changes, so any instance can build it and none depends on another's.
 * Each search costs one point read (the version); the full read happens only after a change.
 */
import { SearchIndex } from '../../domain/catalog/search/search-index';
import type { Solution } from '../../domain/solution';
import type { CatalogStore } from '../../domain/ports/catalog';

type Source = Pick<CatalogStore, 'readVersion' | 'listAll'>;

interface Built {
  readonly version: string | undefined;
  readonly index: SearchIndex<Solution>;
}

export class SearchIndexCache {
  private built?: Built;
  /** One rebuild at a time per version: concurrent searches after a change share it. */
  private building?: { readonly version: string | undefined; readonly promise: Promise<Built> };

  constructor(private readonly source: Source) {}

  async current(): Promise<SearchIndex<Solution>> {
    const version = await this.source.readVersion();
    if (this.built && this.built.version === version) return this.built.index;
    if (!this.building || this.building.version !== version) {
      const promise = this.rebuild(version);
      this.building = { version, promise };
      // A failed rebuild must not be cached: the next search tries again.
      promise
        .catch(() => undefined)
        .finally(() => {
          if (this.building?.promise === promise) this.building = undefined;
        });
    }
    return (await this.building.promise).index;
  }

  private async rebuild(version: string | undefined): Promise<Built> {
    // The version is read before the data, so the index is at least as new as its version tag.
    const solutions = (await this.source.listAll()).map((stored) => stored.solution);
    const built = { version, index: SearchIndex.build(solutions, (s) => s) };
    this.built = built;
    return built;
  }
}
