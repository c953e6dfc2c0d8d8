import { useMemo } from 'react';
import { renderMarkdown } from '@/lessons/markdown';

/** A lesson text: Markdown rendered by `marked`, then sanitised by DOMPurify before it reaches the DOM. */
export function Markdown({ text, inline = false }: { text: string; inline?: boolean }) {
  const html = useMemo(() => renderMarkdown(text, { inline }), [text, inline]);
  const Tag = inline ? 'span' : 'div';
  // The HTML is sanitised (src/lessons/markdown.ts): no script, handler, style or foreign URL scheme.
  return <Tag className="lesson-md" dangerouslySetInnerHTML={{ __html: html }} />;
}
