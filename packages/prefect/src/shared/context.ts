import type { PrefectHttp } from './prefect-http.js';

/** The request context every Prefect area function takes: the HTTP helper and the UI base URL. */
export interface PrefectContext {
  http: PrefectHttp;
  /** The Prefect UI address for links in refs. */
  uiBase: string;
}
