import { ChoiceButtons } from '../../requests/components/FormParts';

/**
 * A yes-or-no she sets with one large tap (公开我的名字, 已征得她本人同意): a button that shows a
 * tick once it is on, easier to hit and to read than a small switch or box.
 */
export function CheckToggle({
  name,
  label,
  checked,
  onChange,
}: {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <ChoiceButtons
      name={name}
      options={[[true, checked ? `✓ ${label}` : label]]}
      value={checked ? true : undefined}
      onChange={() => onChange(!checked)}
    />
  );
}
