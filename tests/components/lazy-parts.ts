/** The panel's parts that load in chunks of their own when first shown (components/ui/lazy.tsx), loaded before a test
 * file renders the panel: a test that ends while one is still loading would leave the import to a torn-down
 * environment. */
export async function loadLazyParts(): Promise<void> {
  await Promise.all([import('@/components/panel/OnlineChecks'), import('@/components/panel/ReferencesExport'), import('@/components/notes/NotesView'), import('@/components/panel/Welcome'), import('@/components/notes/NoteHighlights')]);
}
