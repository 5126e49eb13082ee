/**
 * The questionnaire's answers step (`intake-answers`) and its end when an answer solved it
 * (`intake-answered`). An article's answer reaches the card as blocks of runs (RichTextBlock
 * TextRuns, which Adaptive Cards never read as Markdown), its words as data.
 */
import type { IntakeView } from '../domain/intake/intake-view';
import { WORKAROUNDS, type OfferedArticle } from '../domain/knowledge/intake-answers';
import type { Block } from '../domain/knowledge/safe-markdown';
import type { MessageKey } from '../domain/message-keys';
import { text } from '../domain/text';
import type { CardRef } from './cards';

const LANGUAGE: Readonly<Record<string, MessageKey>> = {
  en: 'knowledge.languages.en',
  fr: 'knowledge.languages.fr',
  sv: 'knowledge.languages.sv',
  ko: 'knowledge.languages.ko',
};

/** A block's runs, a list item's mark first ("• ", "2. "). */
export function runsOf(block: Block): Array<{ text: string; bold: boolean; italic: boolean }> {
  const mark = block.kind === 'bullet' ? '• ' : block.kind === 'numbered' ? `${block.number ?? 1}. ` : '';
  const runs = block.runs.map((r) => ({ text: r.text, bold: r.bold, italic: r.italic }));
  return mark ? [{ text: mark, bold: false, italic: false }, ...runs] : runs;
}

function articleData(intakeId: string, article: OfferedArticle, ownLanguage: string | undefined) {
  return {
    intakeId,
    id: article.id,
    title: article.title,
    // Shown only for an article in another language than the requester's first match.
    language:
      ownLanguage !== undefined && article.language !== ownLanguage && LANGUAGE[article.language] ? text(LANGUAGE[article.language]!) : '',
    blocks: article.blocks.map((block) => ({ runs: runsOf(block) })),
    solvedLabel: text('knowledge.answers.solved'),
  };
}

export function knowledgeIntakeCard(view: Extract<IntakeView, { kind: 'answers' | 'answered' }>): CardRef {
  if (view.kind === 'answered') {
    const outcome = view.draft.answers;
    const title = outcome && 'solvedBy' in outcome ? outcome.title : '';
    const byWorkarounds = outcome && 'solvedBy' in outcome && outcome.solvedBy === WORKAROUNDS;
    return {
      card: 'intake-answered',
      data: {
        heading: text('knowledge.answered.heading'),
        message: text(byWorkarounds ? 'knowledge.answered.byWorkarounds' : 'knowledge.answered.byArticle', { title }),
        startNew: text('knowledge.answered.startNew'),
      },
    };
  }
  const { draft, offer } = view;
  const first = offer.articles[0]?.language;
  return {
    card: 'intake-answers',
    data: {
      intakeId: draft.id,
      heading: text('knowledge.answers.heading'),
      intro: text('knowledge.answers.intro'),
      articles: offer.articles.map((a) => articleData(draft.id, a, first)),
      hasWorkarounds: offer.workarounds !== undefined,
      workaroundsHeading: offer.workarounds ? text('knowledge.answers.workarounds', { solution: offer.workarounds.solutionName }) : '',
      workaroundsText: offer.workarounds?.text ?? '',
      // The workarounds' button carries WORKAROUNDS ("workarounds"), written in the template.
      solvedLabel: text('knowledge.answers.solved'),
      needHelp: text('knowledge.answers.needHelp'),
      back: text('knowledge.answers.back'),
      cancel: text('knowledge.answers.cancel'),
    },
  };
}
