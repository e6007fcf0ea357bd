# expect: LEAK001@12
import pandas as pd
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras import layers, models
from sklearn.model_selection import train_test_split

tweets = pd.read_csv("tweets.csv")
texts = tweets["text"].astype(str)
labels = tweets["label"].values
tok = Tokenizer(num_words=20000, oov_token="<unk>")
tok.fit_on_texts(texts)
X = pad_sequences(tok.texts_to_sequences(texts), maxlen=60)
X_train, X_test, y_train, y_test = train_test_split(X, labels, test_size=0.2, stratify=labels, random_state=0)
model = models.Sequential([layers.Embedding(20000, 64), layers.GlobalAveragePooling1D(), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])
model.fit(X_train, y_train, epochs=5, validation_split=0.1)
print(model.evaluate(X_test, y_test))
