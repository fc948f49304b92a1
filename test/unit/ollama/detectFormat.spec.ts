// promptFormat: auto — which dialect each model gets, from its template and its name.
import * as assert from 'node:assert/strict';
import { detectFormat, namesPhi4 } from '../../../src/ollama/detectFormat';
import { OLDER_VANILJ_PHI4_MODEL, PHI4_MINI_MODEL, PHI4_TEMPLATE, VANILJ_PHI4_MODEL } from '../../support/ollamaTestServer';

// An older Phi-4 template that puts the assistant header inside the user branch.
const OLDER_PHI4 = '{{ if .System }}<|im_start|>system<|im_sep|>{{ .System }}<|im_end|>{{ end }}{{ if .Prompt }}<|im_start|>user<|im_sep|>{{ .Prompt }}<|im_end|><|im_start|>assistant<|im_sep|>{{ end }}{{ .Response }}<|im_end|>';
const QWEN_CHATML = '{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}<|im_start|>assistant\n';
const LLAMA3 = '{{- range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>\n\n{{ .Content }}<|eot_id|>{{ end }}';

describe('detectFormat (promptFormat: auto)', () => {
  const table: [string, string, string][] = [
    ['phi4', PHI4_TEMPLATE, 'phi4'],
    ['phi4:14b-q8_0', PHI4_TEMPLATE, 'phi4'],
    ['vanilj/Phi-4', VANILJ_PHI4_MODEL.template, 'phi4'],
    ['vanilj/phi-4:latest', '{{ .Prompt }}', 'phi4'],
    ['microsoft/phi-4', '', 'phi4'],
    ['my-phi4-copy', OLDER_PHI4, 'phi4'],
    ['vanilj/Phi-4:q8', OLDER_VANILJ_PHI4_MODEL.template, 'phi4'],
    ['qwen2.5-legacy', OLDER_VANILJ_PHI4_MODEL.template, 'chatml'],
    ['phi4-mini', PHI4_MINI_MODEL.template, 'ollama-template'],
    ['phi4-mini:3.8b', '{{ .Prompt }}', 'ollama-template'],
    ['qwen2.5-coder', QWEN_CHATML, 'chatml'],
    ['llama3.1', LLAMA3, 'ollama-template'],
    ['someone/phi4-mini-reasoning', '{{ .Prompt }}', 'ollama-template'],
    ['phi4-reasoning', '{{ .Prompt }}', 'phi4'],
  ];
  for (const [model, template, expected] of table) {
    it(`${model} with ${template === '' ? 'no' : template.length < 20 ? JSON.stringify(template) : 'its'} template → ${expected}`, () => {
      assert.equal(detectFormat(model, template), expected);
    });
  }

  it('a model only named like Phi-4 keeps a real chat template of its own', () => {
    assert.equal(detectFormat('phi4-finetune', LLAMA3), 'ollama-template');
  });

  it('names: phi4 yes, phi4-mini and phi3 no', () => {
    assert.deepEqual(['phi4', 'PHI-4', 'vanilj/Phi-4:latest', 'phi4-mini', 'phi4_mini', 'phi3', 'phi45'].map(namesPhi4), [true, true, true, false, false, false, false]);
  });
});
