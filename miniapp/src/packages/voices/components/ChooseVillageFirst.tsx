import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Routes } from '../../../utils/routes';

/** 议事 is of her own village: until she has said which, she is asked to choose it (and comes back). */
export function ChooseVillageFirst() {
  return (
    <View className="card">
      <Text className="card-title">村（社区）议事</Text>
      <Text className="body-text choose-first">先选好您所在的村或社区，才能看到大家提的事、为大家的事联名。</Text>
      <Button
        className="btn btn-primary choose-village"
        hoverClass="btn-pressed"
        onClick={() => void Taro.navigateTo({ url: Routes.chooseVillage(undefined, { back: true }) })}
      >
        选择我所在的村（社区）
      </Button>
    </View>
  );
}
