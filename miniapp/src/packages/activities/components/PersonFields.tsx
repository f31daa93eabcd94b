import { View } from '@tarojs/components';
import { ACTIVITY_LIMITS } from '@wfh/shared';
import { FieldError, FieldLabel, TextField } from '../../requests/components/FormParts';

export interface Person {
  name: string;
  phone: string;
}

/**
 * 她的姓名 / 她的电话, for a relative a woman signs up or a woman a chair adds; `name` prefixes the
 * inputs' classes (relative-name, reserved-phone …).
 */
export function PersonFields({
  name,
  person,
  onChange,
  problemOf,
}: {
  name: string;
  person: Person;
  onChange: (next: Person) => void;
  /** The form's own check (useFormCheck): what is still wrong with 'name' and 'phone'. */
  problemOf: (field: string) => string | undefined;
}) {
  return (
    <View>
      <View className="form-field">
        <FieldLabel text="她的姓名" required />
        <TextField
          className={`${name}-name`}
          value={person.name}
          onChange={(value) => onChange({ ...person, name: value })}
          limit={ACTIVITY_LIMITS.attendeeName}
        />
        <FieldError message={problemOf('name')} />
      </View>
      <View className="form-field">
        <FieldLabel text="她的电话" required />
        <TextField
          className={`${name}-phone`}
          value={person.phone}
          onChange={(value) => onChange({ ...person, phone: value })}
          placeholder="手机或座机，例如：0410-1234567"
        />
        <FieldError message={problemOf('phone')} />
      </View>
    </View>
  );
}
