import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { ChooseVillageFirst } from './components/ChooseVillageFirst';
import { ConcernForm } from './components/ConcernForm';
import '../../styles/requests.css';
import '../../styles/voices.css';

/** 提议题 about her own village or community. */
export default function RaiseConcernPage() {
  return (
    <CarePage title="提议题">
      <SignedIn>{(me) => (me.home === null ? <ChooseVillageFirst /> : <ConcernForm home={me.home} />)}</SignedIn>
    </CarePage>
  );
}
