import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  answerPrivacyConsent,
  installPrivacyConsent,
  onPrivacyConsentChange,
  PRIVACY_AGREE_BUTTON_ID,
  privacyConsentPending,
  reportPrivacyDialogShown,
} from '../utils/privacy';

function openPrivacyContract(): void {
  const open = (Taro as unknown as { openPrivacyContract?: () => Promise<unknown> }).openPrivacyContract;
  if (typeof open === 'function') void open.call(Taro).catch(() => undefined);
}

/**
 * Our own consent dialog for WeChat's privacy check, in plain words. Agreeing must be a tap on a
 * button of open-type agreePrivacyAuthorization: WeChat verifies it before it lets getLocation go on.
 */
export function PrivacyDialog() {
  const [open, setOpen] = useState(privacyConsentPending);

  useEffect(() => {
    installPrivacyConsent();
    setOpen(privacyConsentPending());
    return onPrivacyConsentChange(() => setOpen(privacyConsentPending()));
  }, []);

  useEffect(() => {
    if (open) reportPrivacyDialogShown();
  }, [open]);

  if (!open) return null;
  return (
    <View className="sheet-mask privacy-dialog">
      <View className="sheet" role="dialog" aria-modal="true">
        <Text className="sheet-title">用位置之前，先请您同意</Text>
        <Text className="body-text">
          我们只用您的大致位置来查找离您最近的妇联和妇女之家，不会用来做别的事，也不会给别人看。
        </Text>
        <Text className="link-text privacy-contract" onClick={openPrivacyContract}>
          查看《隐私保护指引》
        </Text>
        <Button
          id={PRIVACY_AGREE_BUTTON_ID}
          className="btn btn-primary privacy-agree"
          hoverClass="btn-pressed"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => answerPrivacyConsent(true)}
        >
          同意
        </Button>
        <Button
          className="btn btn-secondary privacy-disagree"
          hoverClass="btn-pressed"
          onClick={() => answerPrivacyConsent(false)}
        >
          不同意
        </Button>
      </View>
    </View>
  );
}
