import { RULE_IDS, type RuleId } from '@/utils/etiquette';
import { t } from '@/utils/i18n';

const RULE_LABELS: Record<RuleId, () => string> = {
  'urgent-no-deadline': () => t('clarityRules.rule.urgentNoDeadline'),
  'request-no-ask': () => t('clarityRules.rule.requestNoAsk'),
  'vague-opener': () => t('clarityRules.rule.vagueOpener'),
  shouting: () => t('clarityRules.rule.shouting'),
  'passive-aggressive': () => t('clarityRules.rule.passiveAggressive'),
  'long-no-summary': () => t('clarityRules.rule.longNoSummary'),
  'night-split': () => t('clarityRules.rule.nightSplit'),
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
      <legend>{t('clarityRules.legend')}</legend>
      <p className="hint">{t('clarityRules.hint')}</p>
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
          {RULE_LABELS[rule]()}
        </label>
      ))}
    </fieldset>
  );
}
