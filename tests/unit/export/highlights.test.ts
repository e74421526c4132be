import { describe, expect, it } from 'vitest';
import { noteToAnnotation, notesToAnnotationCollection } from '../../../lib/export/w3c';
import { annotationsToNotes } from '../../../lib/export/w3c-import';
import { sampleNotes } from '../../helpers/user-rows';

/** A passage kept without a note (issue 13, 3): a note with an empty body. */
const highlight = { ...sampleNotes()[2]!, id: '3f1c2b9a-8d7e-4c6b-9a5f-1e2d3c4b5a69', body: '', tags: [] };

describe('highlights in the W3C export', () => {
  it('are annotations with motivation "highlighting" and no commenting body', () => {
    const a = noteToAnnotation(highlight);
    expect(a.motivation).toBe('highlighting');
    expect(a.body).toBeUndefined();
    expect(noteToAnnotation({ ...highlight, tags: ['待写'] }).motivation).toBe('highlighting');
    expect(noteToAnnotation({ ...highlight, body: '有笔记' }).motivation).toBe('commenting');
  });

  it('come back as the same highlight', () => {
    const file = notesToAnnotationCollection([highlight], 'test', Date.UTC(2024, 3, 1));
    const [back] = annotationsToNotes(JSON.parse(JSON.stringify(file)));
    expect(back).toMatchObject({ id: highlight.id, body: '', tags: [], anchor: { quote: highlight.anchor!.quote } });
  });
});
