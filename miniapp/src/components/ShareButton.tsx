import { Button } from '@tarojs/components';
import { sharesToChat } from '../utils/platform';

/**
 * WeChat's share sits behind the ··· menu, which many older women never open: this button sends the
 * same card as the menu (the page's useShareCard) to a chat she picks. The browser has no such
 * thing, and its own address bar already copies the page, so it shows nothing there.
 */
export function ShareButton({ className }: { className?: string }) {
  if (!sharesToChat) return null;
  return (
    <Button className={`btn btn-secondary share-button${className ? ` ${className}` : ''}`} hoverClass="btn-pressed" openType="share">
      转发给亲友或群聊
    </Button>
  );
}
