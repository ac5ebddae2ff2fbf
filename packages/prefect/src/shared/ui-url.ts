/**
 * The Prefect UI address matching an API URL, for links in refs: a self-hosted server serves
 * its UI at the API URL minus `/api`; Prefect Cloud's API at
 * api.prefect.cloud/api/accounts/<a>/workspaces/<w> maps to app.prefect.cloud/account/<a>/workspace/<w>.
 */
export function prefectUiBase(apiUrl: string): string {
  const url = new URL(apiUrl);
  const cloud = /^\/api\/accounts\/([^/]+)\/workspaces\/([^/]+)\/?$/.exec(url.pathname);
  if (cloud && url.hostname.startsWith('api.')) {
    return `${url.protocol}//app.${url.hostname.slice(4)}/account/${cloud[1]}/workspace/${cloud[2]}`;
  }
  return `${url.origin}${url.pathname.replace(/\/api\/?$/, '')}`.replace(/\/$/, '');
}
