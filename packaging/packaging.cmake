# Desktop integration and CPack (a .deb for Debian 12).
install(FILES ${CMAKE_CURRENT_LIST_DIR}/kaizen.desktop DESTINATION share/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.kaizen.Kaizen.metainfo.xml DESTINATION share/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/kaizen.svg
        DESTINATION share/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME kaizen)
set(CPACK_PACKAGE_CONTACT "Kaizen developers")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
include(CPack)
