# Writes a C++ source holding every migrations/NNNN_name.sql as a string, in
# order. Run at build time (cmake -P) whenever a .sql file changes.
#   -DSOURCE_DIR=<storage/migrations> -DOUTPUT=<file.cpp>
file(GLOB files ${SOURCE_DIR}/*.sql)
list(SORT files)
set(body "")
foreach(file IN LISTS files)
  get_filename_component(name ${file} NAME_WE)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR version "${number}")
  file(READ ${file} sql)
  string(APPEND body "        {${version}, \"${name}\", R\"kiosk_sql(${sql})kiosk_sql\"},\n")
endforeach()
list(LENGTH files count)
file(WRITE ${OUTPUT}.tmp "// Generated from storage/migrations/*.sql; do not edit.\n#include \"storage/Migrator.h\"\n\nnamespace storage {\n\nextern const Migration kEmbeddedMigrations[] = {\n${body}};\nextern const std::size_t kEmbeddedMigrationCount = ${count};\n\n}  // namespace storage\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
