// Chooses how each mention enters the prompt, in the order the user added them: whole when it fits, else
// (a large file) its outline and nearest part, else left out. Mentions are packed before any definition.
import type { Mention } from '../context/mentions/Mention';
import { mentionBlock, type MentionForm } from '../prompt/mentionBlock';
import { countTokens } from '../tokens/countTokens';

export function mentionTokens(mention: Mention, form: Exclude<MentionForm, 'omit'>): number {
  return countTokens(mentionBlock(mention, form)) + 1;
}

export function packMentions(mentions: readonly Mention[], budget: number): { forms: MentionForm[]; used: number } {
  let left = budget;
  const forms = mentions.map((mention): MentionForm => {
    const wanted: Exclude<MentionForm, 'omit'>[] = mention.reduced ? ['whole', 'reduced'] : ['whole'];
    for (const form of wanted) {
      const cost = mentionTokens(mention, form);
      if (cost <= left) {
        left -= cost;
        return form;
      }
    }
    return 'omit';
  });
  return { forms, used: budget - left };
}
