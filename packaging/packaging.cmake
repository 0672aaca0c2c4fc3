# Desktop integration and CPack: `cpack -G DEB` in a build folder makes a .deb for Debian 12 that
# installs kaizen in /usr/bin with its desktop entry, icons, AppStream metadata and man page.
set(packaging_dir ${CMAKE_CURRENT_LIST_DIR})
set(packaging_out ${CMAKE_BINARY_DIR}/packaging)

# The hicolor theme's PNGs, rendered at build time from the SVG by a tool of ours on Qt Svg.
set(kaizen_icon_svg ${PROJECT_SOURCE_DIR}/resources/icons/kaizen.svg)
set(kaizen_icon_sizes 16 24 32 48 64 128 256)
add_executable(kaizen_rendericons ${packaging_dir}/rendericons.cpp)
target_link_libraries(kaizen_rendericons PRIVATE Qt6::Gui Qt6::Svg)
set_target_properties(kaizen_rendericons PROPERTIES AUTOMOC OFF RUNTIME_OUTPUT_DIRECTORY ${packaging_out})
set(kaizen_icon_pngs)
foreach(size IN LISTS kaizen_icon_sizes)
    list(APPEND kaizen_icon_pngs ${packaging_out}/icons/${size}x${size}/apps/kaizen.png)
endforeach()
add_custom_command(OUTPUT ${kaizen_icon_pngs}
    COMMAND kaizen_rendericons ${kaizen_icon_svg} ${packaging_out}/icons ${kaizen_icon_sizes}
    DEPENDS kaizen_rendericons ${kaizen_icon_svg}
    COMMENT "Rendering kaizen.svg as PNG icons" VERBATIM)

# The man page, gzipped as Debian wants it (-n: no name or time stamp, so the bytes are reproducible).
find_program(GZIP_EXECUTABLE gzip REQUIRED)
add_custom_command(OUTPUT ${packaging_out}/kaizen.1.gz
    COMMAND ${CMAKE_COMMAND} -E copy ${packaging_dir}/kaizen.1 ${packaging_out}/kaizen.1
    COMMAND ${GZIP_EXECUTABLE} -9 -n -f ${packaging_out}/kaizen.1
    DEPENDS ${packaging_dir}/kaizen.1
    COMMENT "Compressing the man page" VERBATIM)

configure_file(${packaging_dir}/io.kaizen.Kaizen.metainfo.xml.in
               ${packaging_out}/io.kaizen.Kaizen.metainfo.xml @ONLY)

# Part of `all` (which `cmake --build` and the install target build), not of the kaizen target.
add_custom_target(kaizen_desktop_files ALL DEPENDS ${kaizen_icon_pngs} ${packaging_out}/kaizen.1.gz)

install(FILES ${packaging_dir}/kaizen.desktop DESTINATION share/applications)
install(FILES ${packaging_out}/io.kaizen.Kaizen.metainfo.xml DESTINATION share/metainfo)
install(FILES ${kaizen_icon_svg} DESTINATION share/icons/hicolor/scalable/apps)
foreach(size IN LISTS kaizen_icon_sizes)
    install(FILES ${packaging_out}/icons/${size}x${size}/apps/kaizen.png
            DESTINATION share/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${packaging_out}/kaizen.1.gz DESTINATION share/man/man1)

set(CPACK_PACKAGE_NAME kaizen)
set(CPACK_PACKAGE_VENDOR "Kaizen developers")
set(CPACK_PACKAGE_CONTACT "Kaizen developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "browse, plot and compare MLflow experiments offline")
set(CPACK_PACKAGE_DESCRIPTION
    "Kaizen is a native desktop workbench for machine-learning experiments. It opens the stores "
    "that MLflow writes (a SQLite file such as mlflow.db, or an mlruns folder) directly and "
    "offline: no Python, no tracking server, no browser. Runs, full-resolution metric charts, "
    "run comparison, the model registry and artifacts; sub-commands print the same for scripts.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # kaizen_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# Qt 6 and SQLite (and whatever else kaizen links) as dpkg-shlibdeps finds them. Qt's platform
# plugins (xcb, offscreen) come with libqt6gui6, the SVG icon engine with libqt6svg6.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
