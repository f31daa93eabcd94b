import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ServiceCategoryKey, type ServiceCategory } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { SignInPanel } from '../../components/SignInPanel';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useMe } from '../../hooks/useMe';
import { useFederation, useSite } from '../../hooks/usePlaces';
import { useCategories } from '../../hooks/useRequests';
import { Routes } from '../../utils/routes';
import { CategoryCards } from './components/CategoryCards';
import { ConsentScreen } from './components/ConsentScreen';
import { QuickExit } from './components/QuickExit';
import { RequestForm } from './components/RequestForm';
import '../../styles/requests.css';

const param = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** Which place she chose to ask for help at, so she knows it was understood. */
function ChosenPlace({ siteId, federationId }: { siteId: string | null; federationId: string | null }) {
  const site = useSite(siteId).state;
  const body = useFederation(siteId === null ? federationId : null).state;
  const name =
    site.status === 'ready'
      ? `${site.data.name}（${site.data.federationName}）`
      : body.status === 'ready'
        ? body.data.name
        : null;
  if (name === null) return null;
  return (
    <View className="card chosen-place">
      <Text className="card-title">您选择的地方</Text>
      <Text className="body-text chosen-place-name">{name}</Text>
    </View>
  );
}

type Step =
  | { name: 'categories' }
  | { name: 'consent'; category: ServiceCategory }
  | { name: 'form'; category: ServiceCategory };

function CategoryStep({ onChoose }: { onChoose: (category: ServiceCategory) => void }) {
  const { state, reload } = useCategories();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return (
    <View>
      <Text className="greeting">您需要哪方面的帮助？</Text>
      <Text className="hint">
        点一下最接近的一项。
        {state.data.some((category) => category.key === ServiceCategoryKey.Other) && '不知道选哪个，就选“其他”。'}
      </Text>
      <CategoryCards categories={state.data} onChoose={onChoose} />
      <Button
        className="btn btn-secondary my-requests"
        hoverClass="btn-pressed"
        onClick={() => void Taro.navigateTo({ url: Routes.myRequests })}
      >
        查看我提过的求助
      </Button>
    </View>
  );
}

function FormStep({
  category,
  siteId,
  onChangeCategory,
}: {
  category: ServiceCategory;
  siteId: string | null;
  onChangeCategory: () => void;
}) {
  const { state, reload } = useMe();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-out') return <SignInPanel />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return <RequestForm category={category} home={state.me.home} siteId={siteId} onChangeCategory={onChangeCategory} />;
}

/**
 * 我要求助: pick what it is about, (for a sensitive matter) agree to how it is handled, then the
 * form. Inside a sensitive matter the page is only ever called 我的求助.
 */
export default function AskForHelpPage() {
  const { params } = useRouter();
  const siteId = param(params.siteId);
  const federationId = param(params.federationId);
  const [step, setStep] = useState<Step>({ name: 'categories' });
  // Each step is a new screen on the same page: it opens at its top, where 快速离开 and, for a
  // violence matter, 拨打110报警 are, not wherever she had scrolled to on the one before.
  const shownStep = useRef(step.name);
  useEffect(() => {
    if (shownStep.current === step.name) return;
    shownStep.current = step.name;
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, [step.name]);

  const choose = (category: ServiceCategory) =>
    setStep(category.sensitive ? { name: 'consent', category } : { name: 'form', category });
  const backToCategories = () => setStep({ name: 'categories' });
  const discreet = step.name !== 'categories' && step.category.sensitive;

  return (
    <CarePage title={discreet ? '我的求助' : '我要求助'}>
      {step.name === 'categories' && <QuickExit />}
      {(siteId !== null || federationId !== null) && <ChosenPlace siteId={siteId} federationId={federationId} />}
      {step.name === 'categories' && <CategoryStep onChoose={choose} />}
      {step.name === 'consent' && (
        <ConsentScreen onAgree={() => setStep({ name: 'form', category: step.category })} onDecline={backToCategories} />
      )}
      {step.name === 'form' && (
        <FormStep category={step.category} siteId={siteId} onChangeCategory={backToCategories} />
      )}
    </CarePage>
  );
}
