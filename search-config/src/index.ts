/** Search index settings as typed code (filled in by the search issue). */
export {};
