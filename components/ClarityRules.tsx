import { RULE_IDS, type RuleId } from '@/utils/etiquette';

const RULE_LABELS: Record<RuleId, string> = {
  'urgent-no-deadline': '"ASAP" or "urgent" with no deadline',
  'request-no-ask': 'A request with no clear ask',
  'vague-opener': '"Quick question" or "can we talk?" with no topic',
  shouting: 'Shouting in capitals',
  'passive-aggressive': '"Per my last email" and similar phrases',
  'long-no-summary': 'A long email with no summary line',
  'night-split': 'A chat message split over many lines at night',
};

interface Props {
  disabled: readonly string[];
  onChange: (disabled: string[]) => void;
}

/** One checkbox per clarity rule: checked means the dialog and note may flag it. */
export function ClarityRules({ disabled, onChange }: Props) {
  const off = new Set(disabled);
  return (
    <fieldset className="clarity-rules">
      <legend>Clarity check</legend>
      <p className="hint">Local checks of your draft when a send is held or noted. Nothing leaves your browser.</p>
      {RULE_IDS.map((rule) => (
        <label key={rule} className="row">
          <input
            type="checkbox"
            checked={!off.has(rule)}
            onChange={(e) => {
              const next = new Set(off);
              if (e.currentTarget.checked) next.delete(rule);
              else next.add(rule);
              onChange(RULE_IDS.filter((r) => next.has(r)));
            }}
          />
          {RULE_LABELS[rule]}
        </label>
      ))}
    </fieldset>
  );
}
