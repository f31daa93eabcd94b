import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { SearchHit } from '@wfh/shared';
import { searchPlaces } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { readablePath } from '../../../utils/places';

type Found = { status: 'idle' } | { status: 'searching' } | { status: 'done'; bodies: SearchHit[] } | { status: 'failed' };

/** 转介 to another body: found by name, only bodies (not sites), never the one holding it now. */
export function ReferPicker({
  currentFederationId,
  chosen,
  onChoose,
}: {
  currentFederationId: string;
  chosen: SearchHit | null;
  onChoose: (body: SearchHit | null) => void;
}) {
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<Found>({ status: 'idle' });

  const search = async () => {
    const text = typed.trim();
    if (text === '') return;
    setFound({ status: 'searching' });
    try {
      const hits = await searchPlaces(text);
      setFound({ status: 'done', bodies: hits.filter((hit) => hit.type === 'body' && hit.id !== currentFederationId) });
    } catch {
      setFound({ status: 'failed' });
    }
  };

  if (chosen !== null) {
    return (
      <View className="refer-chosen">
        <Text className="field-label">转给：</Text>
        <Text className="place-name refer-chosen-name">{chosen.name}</Text>
        {chosen.path && <Text className="place-address">{readablePath(chosen.path)}</Text>}
        <Text className="link-text refer-change" onClick={() => onChoose(null)}>
          改选其他妇联
        </Text>
      </View>
    );
  }

  return (
    <View className="refer-picker">
      <Text className="field-label">转给哪个妇联（输入名字查找）</Text>
      <Input
        className="form-input refer-search"
        value={typed}
        placeholder="例如：铁岭县妇联"
        confirmType="search"
        maxlength={20}
        onInput={(event) => setTyped(event.detail.value)}
        onConfirm={() => void search()}
      />
      <Button
        className="btn btn-secondary refer-search-button"
        hoverClass="btn-pressed"
        loading={onlyIf(found.status === 'searching')}
        onClick={() => void search()}
      >
        查找
      </Button>
      {found.status === 'failed' && <Text className="field-error">没能查找，请检查网络后再试</Text>}
      {found.status === 'done' && found.bodies.length === 0 && (
        <Text className="body-text">没有找到这个名字的妇联，试试少写几个字。</Text>
      )}
      {found.status === 'done' &&
        found.bodies.map((hit) => (
          <View key={hit.id} className="search-hit refer-hit" hoverClass="place-item-pressed" onClick={() => onChoose(hit)}>
            <Text className="search-hit-name">{hit.name}</Text>
            {hit.path && <Text className="search-hit-path">{readablePath(hit.path)}</Text>}
          </View>
        ))}
    </View>
  );
}
