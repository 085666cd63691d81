# Install rules and the Debian package (CPack): `cmake --build build --target package` or `cd build && cpack`
# writes dangbo_VERSION_ARCH.deb. Paths per XDG: programs in bin, the desktop entry in share/applications, the
# icons in share/icons/hicolor, the metainfo in share/metainfo, the man pages (English and Vietnamese) in
# share/man, and the shipped files (docs/, reports/) in share/dangbo, where services/DataPaths.cpp finds them.
include(GNUInstallDirs)
# `install` and `cpack` package what the build made (scripts/build.sh builds everything first) instead of
# building every target again: the tests' cpack run must not rebuild the fuzz targets with clang.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(DANGBO_APP_ID vn.dangbo.Dangbo)
set(DANGBO_SHARE ${CMAKE_INSTALL_DATADIR}/dangbo)
set(PKG_DIR ${CMAKE_BINARY_DIR}/package-data)

install(TARGETS dangbo-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(DANGBO_BUILD_APP)
  install(TARGETS dangbo RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# The desktop entry, the metainfo (with the version) and the man pages (with the version).
configure_file(${CMAKE_SOURCE_DIR}/data/${DANGBO_APP_ID}.metainfo.xml ${PKG_DIR}/${DANGBO_APP_ID}.metainfo.xml @ONLY)
foreach(page dangbo dangbo-cli)
  configure_file(${CMAKE_SOURCE_DIR}/data/man/${page}.1 ${PKG_DIR}/man/man1/${page}.1 @ONLY)
  configure_file(${CMAKE_SOURCE_DIR}/data/man/vi/${page}.1 ${PKG_DIR}/man/vi/man1/${page}.1 @ONLY)
endforeach()
install(DIRECTORY ${PKG_DIR}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR})
if(DANGBO_BUILD_APP)
  install(FILES ${CMAKE_SOURCE_DIR}/data/${DANGBO_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PKG_DIR}/${DANGBO_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  # The icon: the drawing, and PNG sizes made from it at build time (rsvg-convert, scripts/setup.sh).
  set(ICON_SVG ${CMAKE_SOURCE_DIR}/data/icons/${DANGBO_APP_ID}.svg)
  install(FILES ${ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  find_program(RSVG_CONVERT rsvg-convert)
  if(RSVG_CONVERT)
    set(ICON_PNGS)
    foreach(size 16 24 32 48 64 128 256)
      set(png ${PKG_DIR}/icons/hicolor/${size}x${size}/apps/${DANGBO_APP_ID}.png)
      add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${PKG_DIR}/icons/hicolor/${size}x${size}/apps
        COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${png} ${ICON_SVG}
        DEPENDS ${ICON_SVG} COMMENT "Icon ${size}x${size}")
      list(APPEND ICON_PNGS ${png})
    endforeach()
    add_custom_target(dangbo_icons ALL DEPENDS ${ICON_PNGS})
    install(DIRECTORY ${PKG_DIR}/icons/ DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
  else()
    message(WARNING "rsvg-convert not found: only the scalable icon is installed (scripts/setup.sh installs it)")
  endif()
endif()

# The shipped files: the user guide and the default report templates (whatever reports/ holds).
install(FILES ${CMAKE_SOURCE_DIR}/docs/huong-dan.html DESTINATION ${DANGBO_SHARE}/docs)
# The icon's drawing where the window finds it (the same relative path as in the sources).
install(FILES ${CMAKE_SOURCE_DIR}/data/icons/${DANGBO_APP_ID}.svg DESTINATION ${DANGBO_SHARE}/data/icons)
# The Debian copyright file (machine-readable format), as policy asks of every package.
install(FILES ${CMAKE_SOURCE_DIR}/data/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/dangbo)
if(EXISTS ${CMAKE_SOURCE_DIR}/reports)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/reports/ DESTINATION ${DANGBO_SHARE}/reports)
endif()

# The package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dangbo)
set(CPACK_PACKAGE_VENDOR "dangbo")
set(CPACK_PACKAGE_CONTACT "dangbo <dangbo@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "register of a commune party committee (Vietnamese)")
set(CPACK_PACKAGE_DESCRIPTION
    "Party cells and members with their dated history, admission of new members, the annual rating,\n\
inspection and discipline, and the figures and documents of the party congress, over one SQLite file.\n\
A wxWidgets window (dangbo) and its command-line twin (dangbo-cli). Vietnamese throughout.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Beyond the libraries: the fonts with Vietnamese letters that the PDF reports use, and xdg-open for the guide.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xdg-utils")
include(CPack)
