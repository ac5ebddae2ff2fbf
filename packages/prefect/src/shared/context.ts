import type { PrefectHttp } from './prefect-http.js';

/** What the area modules (api/*.ts) share: the adapter's HTTP client and its UI base URL. */
export interface PrefectContext {
  http: PrefectHttp;
  /** The Prefect UI address for links in refs. */
  uiBase: string;
}
