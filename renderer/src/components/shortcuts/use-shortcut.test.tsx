import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, fireEvent } from '@testing-library/react';

afterEach(cleanup);
import { endsPendingSequence, useShortcut, useShortcutListener } from './use-shortcut';

function Screen({
  onNew,
  onGo,
  onSearch,
}: {
  onNew: () => void;
  onGo: () => void;
  onSearch: () => void;
}) {
  useShortcutListener();
  useShortcut('newRecord', onNew);
  useShortcut('goAccounts', onGo);
  useShortcut('search', onSearch);
  return (
    <div>
      <input data-testid="field" />
      <div contentEditable data-testid="editor" suppressContentEditableWarning />
    </div>
  );
}

function setUp() {
  const handlers = { onNew: vi.fn(), onGo: vi.fn(), onSearch: vi.fn() };
  const view = render(<Screen {...handlers} />);
  return { ...handlers, ...view };
}

describe('useShortcut', () => {
  it('runs a plain-letter shortcut, but not while typing in a field', () => {
    const { onNew, getByTestId } = setUp();
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN' });
    expect(onNew).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(getByTestId('field'), { key: 'n', code: 'KeyN' });
    expect(onNew).toHaveBeenCalledTimes(1);
  });

  it('runs a two-key sequence', () => {
    const { onGo } = setUp();
    fireEvent.keyDown(document.body, { key: 'g', code: 'KeyG' });
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA' });
    expect(onGo).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA' });
    expect(onGo).toHaveBeenCalledTimes(1);
  });

  it('search works from inside an editor', () => {
    const { onSearch, getByTestId } = setUp();
    const editor = getByTestId('editor');
    const event = fireEvent.keyDown(editor, { key: 'k', code: 'KeyK', ctrlKey: true });
    expect(onSearch).toHaveBeenCalledTimes(1);
    expect(event).toBe(false); // default prevented
  });

  it('a key a focused widget already handled is left alone', () => {
    const { onNew, getByTestId } = setUp();
    const field = getByTestId('field');
    field.blur();
    const stop = (e: KeyboardEvent) => e.preventDefault();
    document.body.addEventListener('keydown', stop);
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN' });
    document.body.removeEventListener('keydown', stop);
    expect(onNew).not.toHaveBeenCalled();
  });

  it('the end of a sequence begun behind a dialog is not a shortcut of its own', () => {
    const onLog = vi.fn();
    const onNew = vi.fn();
    const onGo = vi.fn();
    function RecordScreen() {
      useShortcutListener();
      useShortcut('logActivity', onLog);
      useShortcut('newRecord', onNew);
      useShortcut('goAccounts', onGo);
      return null;
    }
    render(<RecordScreen />);
    const dialog = document.createElement('div');
    dialog.setAttribute('aria-modal', 'true');
    const gBehindDialog = () => {
      document.body.appendChild(dialog);
      fireEvent.keyDown(document.body, { key: 'g', code: 'KeyG' });
      dialog.remove();
    };
    // g a pressed as the dialog goes: the a ends "g a", it does not log an activity.
    gBehindDialog();
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA' });
    expect(onLog).not.toHaveBeenCalled();
    expect(onGo).not.toHaveBeenCalled();
    // No sequence starts "g n": n after such a g is n.
    gBehindDialog();
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN' });
    expect(onNew).toHaveBeenCalledTimes(1);
    // Then sequences and single letters work as before.
    fireEvent.keyDown(document.body, { key: 'g', code: 'KeyG' });
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA' });
    expect(onGo).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA' });
    expect(onLog).toHaveBeenCalledTimes(1);
  });

  it('the screen behind an open dialog does not react', () => {
    const { onNew } = setUp();
    const dialog = document.createElement('div');
    dialog.setAttribute('aria-modal', 'true');
    document.body.appendChild(dialog);
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN' });
    dialog.remove();
    expect(onNew).not.toHaveBeenCalled();
  });

  it("a pending g wins over a focused widget's own single key (g s on an inbox item goes to Settings)", () => {
    const onSettings = vi.fn();
    const onSnooze = vi.fn();
    // As an inbox item does (inbox-item-row.tsx): its own `s` unless the key ends a pending sequence.
    function Item() {
      useShortcutListener();
      useShortcut('goSettings', onSettings);
      return (
        <div
          tabIndex={0}
          data-testid="item"
          onKeyDown={(event) => {
            if (endsPendingSequence(event.nativeEvent)) return;
            if (event.key === 's') {
              event.preventDefault();
              onSnooze();
            }
          }}
        />
      );
    }
    const { getByTestId } = render(<Item />);
    const item = getByTestId('item');
    item.focus();
    fireEvent.keyDown(item, { key: 'g', code: 'KeyG' });
    fireEvent.keyDown(item, { key: 's', code: 'KeyS' });
    expect(onSettings).toHaveBeenCalledTimes(1);
    expect(onSnooze).not.toHaveBeenCalled();
    // s alone (the sequence is over) is the item's again.
    fireEvent.keyDown(item, { key: 's', code: 'KeyS' });
    expect(onSnooze).toHaveBeenCalledTimes(1);
    expect(onSettings).toHaveBeenCalledTimes(1);
  });

  it('a g typed in a field does not take the next key from a widget', () => {
    const { getByTestId } = setUp();
    fireEvent.keyDown(getByTestId('field'), { key: 'g', code: 'KeyG' });
    expect(
      endsPendingSequence({
        key: 'a',
        code: 'KeyA',
        ctrlKey: false,
        metaKey: false,
        altKey: false,
        shiftKey: false,
      }),
    ).toBe(false);
  });
});
