# Runs inside CPack for each generator, after the install into its staging directory and before
# packing (CPACK_PRE_BUILD_SCRIPTS). Debian's changelog and lintian overrides belong in the .deb
# only.
if(NOT CPACK_GENERATOR STREQUAL "DEB")
    file(GLOB_RECURSE _staged LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*")
    foreach(path IN LISTS _staged)
        if(path MATCHES "/share/doc/[^/]+/changelog\\.Debian\\.gz$" OR path MATCHES "/share/lintian$")
            file(REMOVE_RECURSE "${path}")
        endif()
    endforeach()
endif()

# macOS: sign the bundle before it goes into the disk image, when asked for with
#   CONNECT_DESKTOP_CODESIGN_IDENTITY="Developer ID Application: Name (TEAMID)" cpack -G DragNDrop
# Hardened runtime (required for notarisation); Qt WebEngine's helper gets the entitlements in
# packaging/macos/QtWebEngineProcess.entitlements; the outer bundle is sealed last.
if(CPACK_GENERATOR STREQUAL "DragNDrop" AND NOT "$ENV{CONNECT_DESKTOP_CODESIGN_IDENTITY}" STREQUAL "")
    set(_identity "$ENV{CONNECT_DESKTOP_CODESIGN_IDENTITY}")
    set(_sign codesign --force --options runtime --timestamp --sign "${_identity}")
    file(GLOB_RECURSE _bundles LIST_DIRECTORIES true FOLLOW_SYMLINKS false
        "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
    foreach(app IN LISTS _bundles)
        if(NOT app MATCHES "/connect-desktop\\.app$")
            continue()
        endif()
        execute_process(COMMAND ${_sign} --deep "${app}" COMMAND_ERROR_IS_FATAL ANY)
        file(GLOB_RECURSE _helpers LIST_DIRECTORIES true FOLLOW_SYMLINKS false
            "${app}/Contents/Frameworks/*/QtWebEngineProcess.app")
        foreach(helper IN LISTS _helpers)
            if(IS_DIRECTORY "${helper}" AND NOT IS_SYMLINK "${helper}")
                execute_process(COMMAND ${_sign}
                    --entitlements "${CPACK_CONNECT_DESKTOP_ENTITLEMENTS}" "${helper}"
                    COMMAND_ERROR_IS_FATAL ANY)
            endif()
        endforeach()
        execute_process(COMMAND ${_sign} "${app}" COMMAND_ERROR_IS_FATAL ANY)
        execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${app}"
            COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
endif()
