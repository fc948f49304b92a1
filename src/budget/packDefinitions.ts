// Chooses how each definition enters the prompt, most needed first: whole when it fits, else its signature,
// else left out (a smaller one further down may still fit).
import type { ContextDefinition } from '../context/definitions/ContextDefinition';
import { definitionBlock, type DefinitionForm } from '../prompt/definitionBlock';
import { countTokens } from '../tokens/countTokens';

/** The blank line that separates parts of the user message. */
const SEPARATOR_TOKENS = 1;

export function definitionTokens(def: ContextDefinition, form: Exclude<DefinitionForm, 'omit'>): number {
  return countTokens(definitionBlock(def, form)) + SEPARATOR_TOKENS;
}

export function packDefinitions(defs: readonly ContextDefinition[], budget: number, largest: 'whole' | 'signature'): { forms: DefinitionForm[]; used: number } {
  let left = budget;
  const forms = defs.map((def): DefinitionForm => {
    const wanted: Exclude<DefinitionForm, 'omit'>[] = largest === 'whole' && !def.signatureOnly ? ['whole', 'signature'] : ['signature'];
    for (const form of wanted) {
      const cost = definitionTokens(def, form);
      if (cost <= left) {
        left -= cost;
        return form;
      }
    }
    return 'omit';
  });
  return { forms, used: budget - left };
}
