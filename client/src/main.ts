import 'element-plus/dist/index.css';
import './styles/main.css';
import './styles/listing.css';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { currentLocale, i18n, loadLocaleMessages } from './i18n';
import { createAppRouter } from './router';

document.documentElement.lang = currentLocale();

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(createAppRouter());
// Full import; App.vue's <el-config-provider> switches Element Plus' own language with vue-i18n.
app.use(ElementPlus);
// A device that chose English before gets its catalogue first; if that fails, the page starts in Chinese.
void loadLocaleMessages(currentLocale())
  .catch(() => {
    i18n.global.locale.value = 'zh-CN';
    document.documentElement.lang = 'zh-CN';
  })
  .finally(() => app.mount('#app'));
