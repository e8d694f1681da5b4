import { describe, expect, it } from 'vitest';
import { insertAtCursor } from './insert-text';

const URL = 'https://erp.example.com/orders/SO-10001';

describe('insertAtCursor', () => {
  it('fills an empty box without any space', () => {
    expect(insertAtCursor('', 0, 0, URL)).toEqual({ text: URL, cursor: URL.length });
  });

  it('adds a space before the link after a word', () => {
    const r = insertAtCursor('Your order:', 11, 11, URL);
    expect(r.text).toBe(`Your order: ${URL}`);
    expect(r.cursor).toBe(r.text.length);
  });

  it('adds no space after whitespace or a new line', () => {
    expect(insertAtCursor('See ', 4, 4, URL).text).toBe(`See ${URL}`);
    expect(insertAtCursor('See\n', 4, 4, URL).text).toBe(`See\n${URL}`);
  });

  it('inserts in the middle with a space on each side where words would touch', () => {
    const r = insertAtCursor('Track it here.', 8, 8, URL);
    expect(r.text).toBe(`Track it ${URL} here.`);
    // The cursor is just after the link, before the space that follows it.
    expect(r.text.slice(0, r.cursor)).toBe(`Track it ${URL}`);
  });

  it('inserts before a word with a space after it only', () => {
    const r = insertAtCursor('thanks', 0, 0, URL);
    expect(r.text).toBe(`${URL} thanks`);
    expect(r.cursor).toBe(URL.length);
  });

  it('replaces the selection', () => {
    const text = 'Pay at LINK today';
    const r = insertAtCursor(text, 7, 11, URL);
    expect(r.text).toBe(`Pay at ${URL} today`);
  });

  it('accepts a reversed selection and clamps positions outside the text', () => {
    expect(insertAtCursor('Hi', 2, 0, URL).text).toBe(URL);
    expect(insertAtCursor('Hi', 50, 60, URL).text).toBe(`Hi ${URL}`);
    expect(insertAtCursor('Hi', -3, -3, URL).text).toBe(`${URL} Hi`);
  });

  it('puts the text at the end when the cursor is unknown', () => {
    expect(insertAtCursor('Hello', null, null, URL)).toEqual({
      text: `Hello ${URL}`,
      cursor: `Hello ${URL}`.length,
    });
  });

  it('removes the selection when there is nothing to insert', () => {
    expect(insertAtCursor('abcdef', 2, 4, '')).toEqual({ text: 'abef', cursor: 2 });
  });
});
