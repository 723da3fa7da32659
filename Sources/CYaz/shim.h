// YAZ's character conversion (MARC-8 to UTF-8), from Debian's libyaz-dev.
#include <yaz/yaz-iconv.h>
