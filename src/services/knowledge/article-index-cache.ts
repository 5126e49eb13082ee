/**
 * The search index of the published articles, kept in process memory: a cache, not state, rebuilt
 * from the summaries whenever the knowledge base's version row changes (like the catalog's
 * SearchIndexCache). Each search costs one point read; the full read happens only after a change.
 */
import { ArticleSearch } from '../../domain/knowledge/article-search';
import type { ArticleRepository } from '../../domain/ports/knowledge';

type Source = Pick<ArticleRepository, 'readVersion' | 'listSummaries'>;

export class ArticleIndexCache {
  private built?: { readonly version: string | undefined; readonly search: ArticleSearch };
  private building?: { readonly version: string | undefined; readonly promise: Promise<ArticleSearch> };

  constructor(private readonly source: Source) {}

  async current(): Promise<ArticleSearch> {
    const version = await this.source.readVersion();
    if (this.built && this.built.version === version) return this.built.search;
    if (!this.building || this.building.version !== version) {
      const promise = this.rebuild(version);
      this.building = { version, promise };
      // A failed rebuild is not cached: the next search tries again.
      promise
        .catch(() => undefined)
        .finally(() => {
          if (this.building?.promise === promise) this.building = undefined;
        });
    }
    return this.building.promise;
  }

  private async rebuild(version: string | undefined): Promise<ArticleSearch> {
    // The version is read before the data, so the index is at least as new as its version tag.
    const search = ArticleSearch.build(await this.source.listSummaries());
    this.built = { version, search };
    return search;
  }
}
