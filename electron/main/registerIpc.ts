import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import {
  CALL_NAMES,
  dispatchCall,
  toCallErrorShape,
  type CourierService,
  type IpcEnvelope,
} from '../../shared/ipc'

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
    ipcMain.handle(name, async (event, args: unknown): Promise<IpcEnvelope> => {
      if (!trusted(event)) {
        return {
          ok: false,
          error: { code: 'REFUSED', message: `Refused ${name}: not Courier's window.` },
        }
      }
      try {
        return { ok: true, result: await dispatchCall(service, name, args) }
      } catch (error) {
        // Electron prefixes thrown errors with "Error invoking remote method" and drops
        // their fields; an envelope carries the code and the message as the service worded it.
        return { ok: false, error: toCallErrorShape(error) }
      }
    })
  }
}
