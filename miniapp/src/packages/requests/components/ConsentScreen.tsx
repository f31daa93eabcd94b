import { Button, Text, View } from '@tarojs/components';
import { EmergencyCalls } from './Hotlines';
import { QuickExit } from './QuickExit';

const POINTS: ReadonlyArray<[title: string, text: string]> = [
  ['我们会记下什么', '您写下的情况、您回答的问题、怎么联系您、什么时候方便联系，以及您所在的村（社区）。'],
  ['谁能看到', '只有负责办理的妇联工作人员能看到。需要转给别的妇联或上级妇联办理时，也只有那里负责办理的工作人员能看到。您的家人和其他人都看不到。'],
  ['怎么保护', '这些内容加密保存，谁在什么时候看过都有记录。给您发的提醒里不会写这件事。'],
  ['用来做什么', '只用来联系您、帮您解决这件事。'],
  ['您随时可以撤回', '您可以随时撤回同意：在“我的求助”里撤回这条求助，妇联就不再办理。不同意也没关系，您可以直接打12338妇女维权热线。'],
];

/**
 * The separate consent that sensitive personal information needs (PIPL art. 29), before anything
 * is written down: what is kept, who sees it, how it is protected, and that she can withdraw.
 */
export function ConsentScreen({ onAgree, onDecline }: { onAgree: () => void; onDecline: () => void }) {
  return (
    <View className="consent-screen">
      <QuickExit />
      <EmergencyCalls />
      <View className="card">
        <Text className="sheet-title">发出求助前，请您先了解</Text>
        {POINTS.map(([title, text]) => (
          <View key={title} className="consent-point">
            <Text className="role-label">{title}</Text>
            <Text className="body-text">{text}</Text>
          </View>
        ))}
        <Button className="btn btn-primary consent-agree" hoverClass="btn-pressed" onClick={onAgree}>
          我已了解，同意
        </Button>
        <Button className="btn btn-secondary consent-decline" hoverClass="btn-pressed" onClick={onDecline}>
          不同意，返回
        </Button>
      </View>
    </View>
  );
}
