import * as Y from 'yjs';

/** A small deterministic PRNG (mulberry32): the same history on every machine and run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXT =
  '客户目标：年内完成数据平台一期上线，覆盖华东区三个生产基地。关键人：王总（CIO）支持，采购部李经理关注价格。风险：竞品报价低 15%，需要在方案评审前安排技术交流。下一步：周五前提交试点方案与报价。';

/**
 * Writes an account plan the way people do, one keystroke per Yjs update (`updates` of them): typing into
 * paragraphs of the editor's XML fragment ('default', as TipTap's Collaboration extension uses), now and then
 * a backspace or a new paragraph. This is the "10k-update history" of BENCHMARKS.md B10.
 */
export function writePlanHistory(doc: Y.Doc, updates: number, seed = 1): void {
  const random = prng(seed);
  const fragment = doc.getXmlFragment('default');
  let cursor = 0;
  const newParagraph = () => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText()]);
    fragment.push([paragraph]);
  };
  doc.transact(newParagraph);
  for (let i = 1; i < updates; i++) {
    const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const roll = random();
    doc.transact(() => {
      if (roll < 0.04) newParagraph();
      else if (roll < 0.1 && text.length > 0) text.delete(text.length - 1, 1);
      else text.insert(text.length, TEXT[cursor++ % TEXT.length]);
    });
  }
}
