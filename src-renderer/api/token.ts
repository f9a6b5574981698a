/** Where the web bridge's session token survives a reload once it is gone from the URL. */
export const TOKEN_STORAGE_KEY = 'bwi-token';

export interface TokenEnv {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * Takes `?token=` from the page URL into storage and removes it from
 * the address bar, so it does not end up in screenshots, bookmarks or shared
 * links. Falls back to the stored token on a reload.
 */
export function takeToken(env: TokenEnv): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl === null) return env.storage.getItem(TOKEN_STORAGE_KEY);
  url.searchParams.delete('token');
  env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  if (fromUrl === '') {
    env.storage.removeItem(TOKEN_STORAGE_KEY);
    return null;
  }
  env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
  return fromUrl;
}
