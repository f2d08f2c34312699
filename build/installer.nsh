; Included by electron-builder's NSIS installer (build/electron-builder.yml → nsis.include).
; Registers crm:// links for the installing user at install time, so a link opens the app even before its
; first start (the app also re-registers itself at every start), and removes the registration on uninstall.
; SHELL_CONTEXT is HKCU for a per-user install (perMachine: false).

!macro customInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\crm"
  WriteRegStr SHELL_CONTEXT "Software\Classes\crm" "" "URL:Field CRM link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\crm" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\crm\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\crm\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\crm"
!macroend
