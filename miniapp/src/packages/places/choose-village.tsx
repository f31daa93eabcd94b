import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { placeNameOf, RegionLevel, type RegionDetail, type RegionNode, type SearchHit } from '@wfh/shared';
import { fetchRegion } from '../../api';
import { CarePage } from '../../components/CarePage';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { usePlaceSearch, useRegionChildren } from '../../hooks/usePlaces';
import { isVillageCode, PATH_SEPARATOR, placeKindLabel, readablePath } from '../../utils/places';
import { Routes } from '../../utils/routes';
import { ConfirmHomeSheet, type HomeCandidate } from './components/ConfirmHomeSheet';

/** Typing pauses this long before the search runs, so a slow phone is not asked after every letter. */
const SEARCH_PAUSE_MS = 400;

const CHOOSE_PROMPT: Record<RegionLevel, string> = {
  [RegionLevel.Province]: '请选择省（自治区、直辖市）',
  [RegionLevel.City]: '请选择市',
  [RegionLevel.County]: '请选择县（市、区）',
  [RegionLevel.Township]: '请选择乡镇（街道）',
  [RegionLevel.Village]: '请选择您所在的村（社区）',
};

const nodeOf = ({ code, name, level, hasChildren }: RegionDetail): RegionNode => ({ code, name, level, hasChildren });

const trailPath = (trail: RegionNode[]) => trail.map((node) => placeNameOf(node.name)).join(PATH_SEPARATOR);

function Breadcrumb({ trail, onGo }: { trail: RegionNode[]; onGo: (depth: number) => void }) {
  return (
    <View className="region-breadcrumb">
      <Text className="region-crumb" onClick={() => onGo(0)}>
        全国
      </Text>
      {trail.map((node, index) => (
        <Text
          key={node.code}
          className={index === trail.length - 1 ? 'region-crumb region-crumb-current' : 'region-crumb'}
          onClick={() => onGo(index + 1)}
        >
          {` › ${placeNameOf(node.name)}`}
        </Text>
      ))}
    </View>
  );
}

function RegionList({
  trail,
  onOpen,
  onChoose,
}: {
  trail: RegionNode[];
  onOpen: (node: RegionNode) => void;
  onChoose: (node: RegionNode) => void;
}) {
  const { state, reload } = useRegionChildren(trail.length > 0 ? trail[trail.length - 1] : null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message="没能取到地区，请检查网络" onRetry={reload} />;
  if (state.data.length === 0) return <Text className="body-text">这里下面没有可以选的地方。</Text>;

  return (
    <View className="region-list">
      <Text className="card-title">{CHOOSE_PROMPT[state.data[0].level]}</Text>
      {state.data.map((node) => {
        const village = isVillageCode(node.code);
        return (
          <View
            key={node.code}
            className="region-row"
            hoverClass="place-item-pressed"
            onClick={() => (village ? onChoose(node) : onOpen(node))}
          >
            <Text className="region-name">{placeNameOf(node.name)}</Text>
            <Text className="region-go">{village ? '选这里' : '›'}</Text>
          </View>
        );
      })}
    </View>
  );
}

function SearchHits({ text, onHit }: { text: string; onHit: (hit: SearchHit) => void }) {
  const { state, reload } = usePlaceSearch(text);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message="没能搜索，请检查网络" onRetry={reload} />;
  if (state.data.length === 0) {
    return <Text className="body-text search-none">没有找到“{text}”。试试少写几个字，或者按地区一级一级找。</Text>;
  }
  return (
    <View className="search-hits">
      {state.data.map((hit) => (
        <View
          key={`${hit.type}:${hit.id}`}
          className="search-hit"
          hoverClass="place-item-pressed"
          onClick={() => onHit(hit)}
        >
          <Text className="search-hit-name">{hit.name}</Text>
          <Text className="place-kind">{placeKindLabel(hit)}</Text>
          {hit.path && <Text className="search-hit-path">{readablePath(hit.path)}</Text>}
        </View>
      ))}
    </View>
  );
}

/**
 * Her village or community, picked from the region tree (province → … → village, one level per
 * screen, the breadcrumb to go back up) or found by name. Only a village or community can be
 * chosen; she confirms it before it is saved.
 */
export default function ChooseVillagePage() {
  const { params } = useRouter();
  const from = typeof params.from === 'string' && params.from !== '' ? params.from : null;
  // Opened from the help form: back to it once saved, where her village then shows.
  const returnAfterSave = params.back === '1';

  // null while the region to start from (or a searched one) is being opened.
  const [trail, setTrail] = useState<RegionNode[] | null>(from === null ? [] : null);
  const [typed, setTyped] = useState('');
  const [searchText, setSearchText] = useState<string | null>(null);
  const [candidate, setCandidate] = useState<HomeCandidate | null>(null);

  const openRegion = useCallback(async (code: string) => {
    setTrail(null);
    try {
      const region = await fetchRegion(code);
      setTrail([...region.breadcrumb, nodeOf(region)]);
    } catch {
      // An unknown or unreachable region: start from the top rather than leave her waiting.
      setTrail([]);
    }
  }, []);

  useEffect(() => {
    if (from !== null) void openRegion(from);
  }, [from, openRegion]);

  useEffect(() => {
    const text = typed.trim();
    if (text === '') {
      setSearchText(null);
      return undefined;
    }
    const timer = setTimeout(() => setSearchText(text), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const searchNow = () => {
    const text = typed.trim();
    setSearchText(text === '' ? null : text);
  };

  const clearSearch = () => {
    setTyped('');
    setSearchText(null);
  };

  const choose = (node: RegionNode, path: RegionNode[]) =>
    setCandidate({ id: node.code, name: placeNameOf(node.name), path: trailPath(path) });

  const onHit = (hit: SearchHit) => {
    if (hit.type === 'site') {
      void Taro.navigateTo({ url: Routes.site(hit.id) });
    } else if (isVillageCode(hit.id)) {
      setCandidate({ id: hit.id, name: hit.name.replace(/妇联$/, ''), path: readablePath(hit.path) });
    } else {
      clearSearch();
      void openRegion(hit.id);
    }
  };

  return (
    <CarePage title="选择村（社区）">
      <View className="card place-search">
        <Text className="card-title">输入名字查找</Text>
        <Input
          className="place-search-input"
          value={typed}
          placeholder="村、社区或妇女之家的名字"
          confirmType="search"
          maxlength={20}
          onInput={(event) => setTyped(event.detail.value)}
          onConfirm={searchNow}
        />
        <View className="search-actions">
          <Button className="btn btn-primary place-search-button" hoverClass="btn-pressed" onClick={searchNow}>
            搜索
          </Button>
          {typed !== '' && (
            <Button className="btn btn-secondary search-clear" hoverClass="btn-pressed" onClick={clearSearch}>
              清除，按地区找
            </Button>
          )}
        </View>
      </View>

      {searchText !== null ? (
        <View className="card">
          <Text className="card-title">找到的地方</Text>
          <SearchHits text={searchText} onHit={onHit} />
        </View>
      ) : (
        <View className="card region-tree">
          {trail === null ? (
            <Loading />
          ) : (
            <View>
              <Breadcrumb trail={trail} onGo={(depth) => setTrail(trail.slice(0, depth))} />
              {trail.length > 0 && (
                <Button
                  className="btn btn-secondary region-up"
                  hoverClass="btn-pressed"
                  onClick={() => setTrail(trail.slice(0, -1))}
                >
                  返回上一级
                </Button>
              )}
              <RegionList
                trail={trail}
                onOpen={(node) => setTrail([...trail, node])}
                onChoose={(node) => choose(node, trail)}
              />
            </View>
          )}
        </View>
      )}

      {candidate !== null && (
        <ConfirmHomeSheet
          candidate={candidate}
          onCancel={() => setCandidate(null)}
          onSaved={returnAfterSave ? () => void Taro.navigateBack() : undefined}
          onViewBody={() => {
            const id = candidate.id;
            setCandidate(null);
            void Taro.navigateTo({ url: Routes.body(id) });
          }}
        />
      )}
    </CarePage>
  );
}
