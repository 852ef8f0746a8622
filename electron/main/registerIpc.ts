import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { CALL_NAMES, dispatchCall, type CourierService } from '../../shared/ipc'

/**
 * One handler per declared call: check the sender is our own window, validate the
 * arguments against the contract, delegate to the service.
 */
export function registerIpc(service: CourierService, window: () => BrowserWindow | null): void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const win = window()
    return (
      win !== null &&
      event.sender === win.webContents &&
      event.senderFrame === win.webContents.mainFrame
    )
  }
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, (event, args: unknown) => {
      if (!trusted(event)) throw new Error(`Refused ${name}: the caller is not Courier's window.`)
      return dispatchCall(service, name, args)
    })
  }
}
