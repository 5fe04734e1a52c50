/**
 * Apollo Client in development mode (its warnings on), as in a frontend's dev server. Imported
 * before anything of @apollo/client: it reads the flag once, when it is loaded.
 */
(globalThis as { __DEV__?: boolean }).__DEV__ = true;
