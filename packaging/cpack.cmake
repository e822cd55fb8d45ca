# SPDX-License-Identifier: Apache-2.0
# CPack: a .deb (Debian/Ubuntu) and a source tarball here; DragNDrop (macOS) and WiX/NSIS (Windows)
# are configured for packagers on those systems (see README "Packaging").
set(CPACK_PACKAGE_NAME rolecall)
set(CPACK_PACKAGE_VENDOR "The Rolecall developers")
set(CPACK_PACKAGE_CONTACT "The Rolecall developers <rolecall@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Rolecall")
set(CPACK_PACKAGE_EXECUTABLES "rolecall;Rolecall")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)

if(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME "Rolecall")
elseif(WIN32)
    set(CPACK_GENERATOR "WIX;NSIS")
    # Never change: Windows Installer recognises upgrades by it.
    set(CPACK_WIX_UPGRADE_GUID "6B3F2A1E-5C4D-4E8F-9A7B-2D1C0E9F8A61")
    set(CPACK_WIX_PROGRAM_MENU_FOLDER "Rolecall")
    set(CPACK_WIX_LICENSE_RTF "${PROJECT_SOURCE_DIR}/packaging/windows/license.rtf")
    set(CPACK_NSIS_DISPLAY_NAME "Rolecall")
    set(CPACK_NSIS_PACKAGE_NAME "Rolecall")
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH ON) # rolecall-cli on PATH
else()
    set(CPACK_GENERATOR DEB)
endif()

# Debian: library dependencies computed by dpkg-shlibdeps from the binaries, not guessed. Two are
# loaded at run time and so invisible to it: libsecret (QtKeychain dlopen()s it for the Secret
# Service), Qt's platform plugins and the SVG plugins that draw the icons.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, xdg-utils")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "awscli")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Switch AWS roles fast: profiles, MFA, temporary credentials
 Rolecall reads ~/.aws/config and ~/.aws/credentials as the AWS CLI does, finds roles by
 name, account id or ARN, asks for an MFA code once, and hands temporary credentials to
 shells and tools (credential_process, exec with a local credentials endpoint) or opens
 the AWS console signed in. Long-term keys can live in the OS keychain.")

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "rolecall-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/" "/build-.*/" "\\\\.swp$" "~$" "/\\\\.cache/")

include(CPack)
