import { createNoteAnchoring } from '@/lib/anchor/session';
import { quickDetect } from '@/lib/extract/detect';
import { buildReportWithElements } from '@/lib/extract/report';
import { startContent } from '@/lib/page/content-main';

// Thin on purpose: all logic is in lib/page/ (testable with a JSDOM window).
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    startContent(ctx, document, window, { build: buildReportWithElements, quickDetect, notes: createNoteAnchoring(window) });
  },
});
