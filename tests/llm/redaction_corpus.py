"""The redaction corpus: secrets that must never leave the machine, and ordinary ML code that must
reach the model unchanged. Secrets are generated at test time from each provider's documented
token shape (seeded, so failures reproduce), never stored as literals in the repository."""

from __future__ import annotations

import random
import string
from base64 import b64encode

_RNG = random.Random(1414)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"


def _r(n: int, alphabet: str = ALNUM) -> str:
    while True:
        value = "".join(_RNG.choice(alphabet) for _ in range(n))
        if alphabet is not ALNUM or (
            any(c.isdigit() for c in value)
            and any(c.islower() for c in value)
            and any(c.isupper() for c in value)
        ):
            return value


def _luhn(prefix: str, length: int) -> str:
    body = prefix + "".join(_RNG.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for check in string.digits:
        digits = body + check
        total = 0
        for i, ch in enumerate(reversed(digits)):
            d = int(ch)
            if i % 2:
                d = d * 2 - 9 if d > 4 else d * 2
            total += d
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def _iban(country: str, bban: str) -> str:
    moved = bban + country + "00"
    check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
    return f"{country}{check:02d}{bban}"


def secret_cases() -> list[tuple[str, str, str]]:
    """(kind, text, the secret part that must not survive)."""
    cases: list[tuple[str, str, str]] = []

    def add(kind: str, template: str, secret: str) -> None:
        cases.append((kind, template.format(s=secret), secret))

    # -- provider token shapes, in code, config, env and prose
    shapes = {
        "openai": lambda: "sk-" + _r(48),
        "openai-proj": lambda: "sk-proj-" + _r(64),
        "openai-svcacct": lambda: "sk-svcacct-" + _r(40),
        "openrouter": lambda: "sk-or-v1-" + _r(64, HEX),
        "anthropic": lambda: "sk-ant-api03-" + _r(80),
        "stripe-live": lambda: "sk_live_" + _r(24),
        "stripe-test": lambda: "sk_test_" + _r(24),
        "stripe-restricted": lambda: "rk_live_" + _r(24),
        "stripe-webhook": lambda: "whsec_" + _r(32),
        "sendgrid": lambda: "SG." + _r(22) + "." + _r(43),
        "npm": lambda: "npm_" + _r(36),
        "pypi": lambda: "pypi-AgEIcHlwaS5vcmc" + _r(60),
        "github-classic": lambda: "ghp_" + _r(36),
        "github-oauth": lambda: "gho_" + _r(36),
        "github-app": lambda: "ghs_" + _r(36),
        "github-fine": lambda: "github_pat_" + _r(22) + "_" + _r(59),
        "gitlab": lambda: "glpat-" + _r(20),
        "gitlab-deploy": lambda: "gldt-" + _r(20),
        "slack-bot": lambda: "xoxb-" + _r(12, string.digits) + "-" + _r(24),
        "slack-user": lambda: "xoxp-" + _r(12, string.digits) + "-" + _r(32),
        "slack-app": lambda: "xapp-1-" + _r(11) + "-" + _r(40, HEX),
        "google-api": lambda: "AIza" + _r(35),
        "google-oauth-secret": lambda: "GOCSPX-" + _r(28),
        "google-access": lambda: "ya29." + _r(60),
        "huggingface": lambda: "hf_" + _r(34),
        "aws-access-key": lambda: "AKIA" + _r(16, string.ascii_uppercase + string.digits),
        "aws-sts": lambda: "ASIA" + _r(16, string.ascii_uppercase + string.digits),
        "shopify": lambda: "shpat_" + _r(32, HEX),
        "digitalocean": lambda: "dop_v1_" + _r(64, HEX),
        "databricks": lambda: "dapi" + _r(32, HEX),
        "twilio": lambda: "SK" + _r(32, HEX),
        "mailgun": lambda: "key-" + _r(32),
        "mailchimp": lambda: _r(32, HEX) + "-us14",
        "replicate": lambda: "r8_" + _r(37),
        "groq": lambda: "gsk_" + _r(52),
        "atlassian": lambda: "ATATT3xFfGF0" + _r(60),
        "linear": lambda: "lin_api_" + _r(40),
        "notion": lambda: "ntn_" + _r(46),
        "postman": lambda: "PMAK-" + _r(24, HEX) + "-" + _r(34, HEX),
        "vault": lambda: "hvs." + _r(90),
        "doppler": lambda: "dp.st.prd." + _r(43),
        "pulumi": lambda: "pul-" + _r(40, HEX),
        "grafana": lambda: "glsa_" + _r(32) + "_" + _r(8, HEX),
        "newrelic": lambda: "NRAK-" + _r(27, string.ascii_uppercase + string.digits),
        "figma": lambda: "figd_" + _r(40),
        "telegram": lambda: "5" + _r(9, string.digits) + ":AA" + _r(33),
        "square": lambda: "sq0atp-" + _r(22),
        "mapbox": lambda: "sk.eyJ1Ijoi" + _r(30) + "." + _r(22),
        "jwt": lambda: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI" + _r(30) + "." + _r(43),
    }
    contexts = [
        'client = make_client(api_key="{s}")',
        "export SERVICE_TOKEN={s}",
        "Here is my key {s} — why does the call fail?",
    ]
    for i, (kind, make) in enumerate(shapes.items()):
        add(kind, contexts[i % len(contexts)], make())
        add(kind, "    # old credential: {s}", make())

    # -- AWS secret keys: bare, in config, and the identifier-boundary case
    add("aws-secret", "aws_secret_access_key = {s}", _r(40, B64))
    add("aws-secret", "{s}", _r(40, B64))
    add("aws-secret", "creds = ('AKIAxxx', '{s}')", _r(40, B64))
    add("aws-in-identifier", "bucket_AKIA{s}_prod = 1", _r(16, string.ascii_uppercase + "234567"))

    # -- private keys
    for label in ("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"):
        body = "\n".join(_r(64, B64) for _ in range(4))
        add("private-key", f"-----BEGIN {label}-----\n{{s}}\n-----END {label}-----", body)
    body = _r(64, B64)
    add(
        "private-key",
        '{{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n{s}\\n-----END PRIVATE KEY-----\\n"}}',
        body,
    )
    add("private-key", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{s}\n", _r(64, B64))

    # -- connection strings and URLs
    pw = lambda: _r(14) + "!"  # noqa: E731
    add("url-password", "postgresql://admin:{s}@db.internal:5432/prod", pw())
    add("url-password", "mysql+pymysql://root:{s}@localhost/ml", pw())
    add("url-password", "mongodb+srv://user:{s}@cluster0.ab1cd.mongodb.net/db", pw())
    add("url-password", "redis://:{s}@cache:6379/0", pw())
    add("url-password", "amqp://guest:{s}@rabbit:5672/", "pa/ss" + _r(8))
    add("url-password", 'engine = create_engine("postgresql://u:{s}@h/db")', "a/b:c" + _r(6))
    add("url-password", "https://user:{s}@git.example.org/repo.git", _r(20))
    add("url-password", "ftp://anon:{s}@files.example.com", pw())
    add(
        "azure-account-key",
        "DefaultEndpointsProtocol=https;AccountName=mlstore;AccountKey={s};EndpointSuffix=core.windows.net",
        _r(86, B64) + "==",
    )
    add(
        "azure-sas",
        "https://mlstore.blob.core.windows.net/data/train.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01&sig={s}",
        _r(43, B64) + "%3D",
    )
    add(
        "azure-sb",
        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey={s}",
        _r(44, B64),
    )
    add("sql-server", "Server=tcp:sql.example.net,1433;Database=ml;User ID=ml;Password={s};", pw())
    add("odbc", "DRIVER={{ODBC Driver 18}};SERVER=s;UID=sa;PWD={s}", pw())
    add(
        "presigned",
        "https://b.s3.amazonaws.com/k?X-Amz-Credential=x&X-Amz-Signature={s}",
        _r(64, HEX),
    )
    add("url-token", "https://api.example.com/v1/items?token={s}&page=2", _r(32))
    add(
        "slack-webhook",
        "{s}",
        "https://hooks.slack.com/services/T"
        + _r(8, string.ascii_uppercase + string.digits)
        + "/B"
        + _r(10, string.ascii_uppercase + string.digits)
        + "/"
        + _r(24),
    )
    add(
        "discord-webhook",
        "requests.post('{s}', json=msg)",
        "https://discord.com/api/webhooks/" + _r(18, string.digits) + "/" + _r(68),
    )
    add("sentry-dsn", "sentry_sdk.init('https://{s}@o123456.ingest.sentry.io/42')", _r(32, HEX))

    # -- passwords in code, config, .env, CLI
    passwords = ["hunter2", "Tr0ub4dor&3", "correct-horse-battery", "P@ssw0rd2024", "s3cr3t!"]
    code_forms = [
        'DB_PASS = "{s}"',
        'DB_PASSWORD: str = "{s}"',
        "password = '{s}'",
        'PASSWORD = """{s}"""',
        "db_password = b'{s}'",
        'os.environ["POSTGRES_PASSWORD"] = "{s}"',
        'os.environ.setdefault("SMTP_PASSWORD", "{s}")',
        'conn = psycopg2.connect(host="db", user="ml", password="{s}")',
        "DB_PASSWORD={s}",
        "export MYSQL_ROOT_PASSWORD={s}",
        "  password: {s}",
        '  "password": "{s}",',
        "python train.py --password {s}",
        "python upload.py --db-password={s}",
        "client_secret = '{s}'",
        "SECRET_KEY = '{s}'",
        "passwd={s}",
        "mysql_pwd: {s}",
        "[database]\npassword = {s}",
        'settings = {{"secret": "{s}"}}',
    ]
    for i, form in enumerate(code_forms):
        add("password", form, passwords[i % len(passwords)] + str(i))

    # -- generic secret-ish names with random values (entropy)
    add("entropy", 'wandb.login(key="{s}")', _r(40, HEX))
    add("entropy", '{{"username": "ana", "key": "{s}"}}', _r(32, HEX))
    add("entropy", "COMET_API_KEY={s}", _r(25))
    add("entropy", 'NEPTUNE_API_TOKEN = "{s}"', _r(60))
    add("entropy", "mlflow_token: {s}", _r(36))
    add("entropy", 'headers = {{"X-Api-Key": "{s}"}}', _r(32))
    add("entropy", "Authorization: Bearer {s}", _r(40))
    add("entropy", 'requests.get(url, headers={{"Authorization": "token {s}"}})', _r(40))
    add(
        "entropy",
        "curl -H 'Authorization: Basic {s}' https://x",
        b64encode(_r(20).encode()).decode(),
    )
    add(
        "entropy",
        "PINECONE_API_KEY='{s}'",
        _r(8, HEX) + "-" + _r(4, HEX) + "-4" + _r(3, HEX) + "-a" + _r(3, HEX) + "-" + _r(12, HEX),
    )
    add("entropy", "openai.api_key = '{s}'", _r(48))
    add("entropy", 'access_token = "{s}"', _r(30))
    add("entropy", "--api-key {s}", _r(32))
    add("entropy", "session_cookie: {s}", _r(40))
    add("entropy", "AZURE_OPENAI_API_KEY={s}", _r(32, HEX))

    # -- notebook outputs (JSON-escaped text in a cell output)
    add("notebook", '"text": ["Logged in with token {s}\\n"]', "hf_" + _r(34))
    add("notebook", '"text/plain": ["\'AKIA{s}\'"]', _r(16, string.ascii_uppercase + string.digits))
    add("notebook", '"text": ["DATABASE_URL=postgres://u:{s}@h/db\\n"]', pw())

    # -- personal data
    for prefix, length in (("4", 16), ("51", 16), ("37", 15), ("6011", 16), ("4", 19)):
        add("card", "card number {s} was declined", _luhn(prefix, length))
    card = _luhn("4", 16)
    add("card", "mixed column value '{s}'", f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:]}")
    card = _luhn("5", 16)
    add("card", "cc={s}", f"{card[:4]}-{card[4:8]}-{card[8:12]}-{card[12:]}")
    for country, bban in (
        ("DE", "37040044" + "05320130" + "00"),
        ("GB", "NWBK60161331926819"),
        ("FR", "20041010050500013M02606"),
        ("NL", "ABNA0417164300"),
    ):
        iban = _iban(country, bban)
        add("iban", "pay to {s} today", iban)
    iban = _iban("DE", "500105175407324931")
    add("iban", "IBAN: {s}", " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)))
    for phone in (
        "+1 415 555 0132",
        "+44 20 7946 0958",
        "(415) 555-0199",
        "+49 30 901820",
        "+33 1 42 68 53 00",
        "415-555-0123",
        "+91 98765 43210",
    ):
        add("phone", "call me at {s} tomorrow", phone)
    for ssn in ("123-45-6789", "234-56-7890", "345-67-8901"):
        add("national-id", "SSN {s} on file", ssn)
    for nino in ("QQ123456C", "AB 12 34 56 D"):
        add("national-id", "NI number {s}", nino.replace("QQ", "JG"))
    for email in (
        "ana.silva@example.com",
        "j.doe+ml@company.co.uk",
        "data-team@lab.example.org",
        "x_y@sub.domain.io",
    ):
        add("email", "contact {s} for access", email)
    add("email", "author = 'Ana <{s}>'", "ana@example.com")
    return cases


def ml_lines() -> list[str]:
    """Ordinary ML code and text that must reach the model exactly as written."""
    return [
        'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")',
        'tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-2-7b-hf", use_fast=True)',
        "tokens = tokenizer(texts, padding=True, truncation=True, max_length=512)",
        "tokenizer.pad_token = tokenizer.eos_token",
        'pad_token = "[PAD]"',
        'eos_token = "</s>"',
        'special_tokens = {"additional_special_tokens": ["<sep>"]}',
        "max_tokens = 512",
        "max_new_tokens=256, temperature=0.7",
        "response = client.chat.completions.create(model=m, messages=msgs, max_tokens=200)",
        "num_tokens = len(enc.encode(text))",
        "token_ids = batch['input_ids']",
        "token_type_ids = torch.zeros_like(input_ids)",
        "for token in doc: print(token.text, token.pos_)",
        "token = tokens[i]",
        "bos_token_id = 0",
        "sorted(scores.items(), key=lambda kv: kv[1], reverse=True)",
        "df.sort_values(by='date', key=lambda s: s.str.lower())",
        "max(models, key=lambda m: m.score)",
        "groups = itertools.groupby(rows, key=operator.itemgetter(0))",
        "key = jax.random.PRNGKey(0)",
        "key, subkey = jax.random.split(key)",
        "for key, value in params.items():",
        "cache_key = f'{dataset}-{split}'",
        "primary_key = 'customer_id'",
        "df.merge(other, on='key')",
        "sort_key = 'created_at'",
        "dict_keys = list(config.keys())",
        "password_field = forms.CharField(widget=forms.PasswordInput)",
        "PASSWORD_FIELD = 'password'",
        "password_min_length = 8",
        "if form.password_field.errors:",
        "login(username=username, password=password)",
        "password = getpass.getpass()",
        'password = os.environ["DB_PASSWORD"]',
        "password = os.getenv('DB_PASSWORD')",
        "api_key = os.environ.get('OPENAI_API_KEY')",
        "api_key = settings.OPENAI_API_KEY",
        "API_KEY = None",
        'token = os.environ["HF_TOKEN"]',
        "secret = config.secret",
        "hf_token = args.hf_token",
        'openai.api_key = "<your-api-key>"',
        "api_key: str = ''",
        'password: "${DB_PASSWORD}"',
        "client = OpenAI(api_key=api_key)",
        "sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'",
        "md5sum = '9e107d9d372bb6826bd81d3542a419d6'",
        "commit = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'",
        "model = AutoModel.from_pretrained('gpt2', revision='e7da7f221d5bf496a48136c0cd264e630fe9fcc8')",
        "# checksum: 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
        "expected_hash = hashlib.sha1(data).hexdigest()",
        "dataset = load_dataset('imdb')",
        "ds = load_dataset('glue', 'mrpc', split='train')",
        "ds = load_dataset('HuggingFaceH4/ultrachat_200k')",
        "X, y = fetch_openml('mnist_784', version=1, return_X_y=True)",
        "data = fetch_openml(data_id=40945)",
        "kaggle competitions download -c titanic",
        "run = wandb.init(project='churn', id='3k2j4h5g')",
        "mlflow.set_tracking_uri('http://127.0.0.1:5000')",
        "run_id = '0f5c1e2b3a4d4e8f9a0b1c2d3e4f5a6b'",
        "uuid = '123e4567-e89b-12d3-a456-426614174000'",
        "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)",
        "scaler = StandardScaler().fit(X_train)",
        "model = LogisticRegression(C=1.0, max_iter=1000)",
        "clf = RandomForestClassifier(n_estimators=500, random_state=1234567890)",
        "optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.01)",
        "scheduler = get_linear_schedule_with_warmup(optimizer, 500, 10000)",
        "print(f'accuracy: {acc:.4f}')",
        "loss = F.cross_entropy(logits.view(-1, vocab_size), targets.view(-1))",
        "x = torch.randn(32, 3, 224, 224)",
        "timestamp = 1700000000000",
        "df['ts'] = pd.to_datetime('2024-01-15 10:30:00')",
        "start, end = '2023-01-01', '2023-12-31'",
        "version = '1.2.3'",
        "ip = '192.168.1.10'",
        "url = 'http://localhost:8000/v1'",
        "api_base = 'https://api.openai.com/v1'",
        "endpoint = 'https://my-resource.openai.azure.com/'",
        "s3_path = 's3://my-bucket/datasets/train.parquet'",
        "gs_path = 'gs://bucket/path/to/shard-00001-of-00010.tfrecord'",
        "path = '/home/ana/projects/churn/data/train.csv'",
        "n_samples = 1_000_000",
        "population = 8,000,000,000",
        "shape = (60000, 28, 28)",
        "ids = [1001, 1002, 1003, 1004]",
        "zip_code = '94103'",
        "year = 2024",
        "pi = 3.14159265358979",
        "seed = 20240115",
        "np.random.seed(0)",
        "torch.manual_seed(1337)",
        "label2id = {'negative': 0, 'positive': 1}",
        "classes = ['cat', 'dog', 'bird']",
        "df = pd.read_csv('customers.csv')",
        "df['email_domain'] = df['email'].str.split('@').str[1]",
        "email_col = 'email'",
        "phone_col = 'phone_number'",
        "df.drop(columns=['ssn', 'phone', 'email'])",
        "card_col = 'card_number'",
        "le = LabelEncoder().fit(df['country'])",
        "pipe = Pipeline([('scale', StandardScaler()), ('clf', SVC(probability=True))])",
        "cross_val_score(pipe, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=0))",
        "grid = GridSearchCV(pipe, {'clf__C': [0.1, 1, 10]}, scoring='roc_auc')",
        "roc_auc_score(y_test, proba[:, 1])",
        "precision, recall, _ = precision_recall_curve(y_test, scores)",
        "smote = SMOTE(random_state=42)",
        "X_res, y_res = smote.fit_resample(X_train, y_train)",
        "model.fit(X_train, y_train, eval_set=[(X_val, y_val)], early_stopping_rounds=50)",
        "trainer = Trainer(model=model, args=training_args, train_dataset=train_ds)",
        "training_args = TrainingArguments(output_dir='out', per_device_train_batch_size=16)",
        "training_args = TrainingArguments(output_dir='out', push_to_hub=True, hub_token=hub_token)",
        "model.push_to_hub('ana/churn-model')",
        "login()  # uses the token cached by huggingface-cli",
        "huggingface-cli login",
        "wandb.login()",
        "python train.py --epochs 10 --lr 0.001 --batch-size 32",
        "python train.py --tokenizer bert-base-cased --max-tokens 512",
        "python eval.py --key accuracy --split test",
        "accelerate launch --num_processes 4 train.py",
        "docker run -p 8888:8888 jupyter/scipy-notebook",
        "git clone https://github.com/scikit-learn/scikit-learn.git",
        "pip install transformers==4.44.2 datasets==2.20.0",
        "embedding = model.encode(sentences, batch_size=64)",
        "vocab_size = tokenizer.vocab_size",
        "attention_mask = (input_ids != tokenizer.pad_token_id).long()",
        "logits = model(input_ids=input_ids, attention_mask=attention_mask).logits",
        "auth = None",
        "use_auth_token=True",
        "token=True",
        "secret_santa = assign(pairs)",
        "keyword = 'churn'",
        "keys = ['train', 'validation', 'test']",
        "monkey = 'capuchin'",
        "turkey_sales = df['turkey']",
        "passenger_count = df['passengers'].sum()",
        "bypass = True",
        "compass_heading = 270",
        "Accuracy on imbalanced classes: 0.2% are fraud and my model gets 99.8% accuracy",
        "I scaled the data and then split it — fine?",
        "The validation loss plateaus after epoch 12 at 0.4315.",
        "Feature importances: tenure 0.31, monthly_charges 0.22, contract 0.18",
        "confusion matrix: [[9850, 12], [40, 98]]",
        "The model took 3 h 20 min on 4 GPUs (A100 80GB).",
        "results = {'f1': 0.8123, 'precision': 0.79, 'recall': 0.84}",
        "df.groupby('customer_id')['amount'].agg(['mean', 'std', 'count'])",
        "df['amount_log'] = np.log1p(df['amount'])",
        "LEAK001: scaler fitted before the split (train.py:12)",
        "dataset: 10,000 rows, 24 columns, target 'churn' (2 classes, 14.2% positive)",
        "KNeighborsClassifier(n_neighbors=5, metric='minkowski', p=2)",
        "ckpt = torch.load('checkpoints/epoch=9-step=12345.ckpt')",
        "model_id = 'sentence-transformers/all-MiniLM-L6-v2'",
        "hub_model_id = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english'",
        "print(classification_report(y_test, y_pred, digits=3))",
        "kf = KFold(n_splits=10, shuffle=True, random_state=2024)",
    ]
