/** An in-memory stand-in for a browser storage area (get/set/remove), with onChanged listeners as the browser calls them. */
export function memoryStorage() {
  const items: Record<string, unknown> = {};
  const listeners: Array<(changes: Record<string, { newValue?: unknown }>, area: string) => void> = [];
  return {
    items,
    get: async (key: string) => (key in items ? { [key]: items[key] } : {}),
    set: async (more: Record<string, unknown>) => {
      Object.assign(items, more);
      for (const l of listeners) l(Object.fromEntries(Object.entries(more).map(([k, v]) => [k, { newValue: v }])), 'session');
    },
    remove: async (key: string) => void delete items[key],
    onChanged: { addListener: (cb: (typeof listeners)[number]) => void listeners.push(cb), removeListener() {} },
  };
}
