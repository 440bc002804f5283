// The shape of a translated catalog module: keys of its English module only (a stray or misspelt key is a
// compile error); a missing one falls back to English at run time and fails test/i18n-catalogs.test.ts.
export type Translation<English> = { readonly [Key in keyof English]?: string };
