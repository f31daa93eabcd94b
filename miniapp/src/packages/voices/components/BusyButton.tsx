import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import { onlyIf } from '../../../components/Buttons';

/** A large button that shows it is working, and takes no second tap meanwhile. */
export function BusyButton({
  className,
  busy,
  onClick,
  children,
}: {
  className: string;
  busy: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button className={`btn ${className}`} hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={onClick}>
      {children}
    </Button>
  );
}
