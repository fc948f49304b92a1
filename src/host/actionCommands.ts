// The command behind each suggested action, for buttons in the chat view and in notifications.
import type { ActionId } from '../protocol/messages';

export const ACTION_COMMANDS: Readonly<Record<ActionId, string>> = {
  retry: 'phi4.retry',
  openSettings: 'phi4.openSettings',
  pullModel: 'phi4.pullModel',
  selectModel: 'phi4.selectModel',
  showLog: 'phi4.showLog',
  // Retrying asks whether to allow a host that is not this machine before contacting it.
  allowHost: 'phi4.retry',
  setApiKey: 'phi4.setApiKey',
};
