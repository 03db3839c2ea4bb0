/** The language chosen on this device is kept in localStorage under this key. */
export const LANGUAGE_STORAGE_KEY = 'bruecke.language';
